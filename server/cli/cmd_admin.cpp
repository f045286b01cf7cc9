// cmd_admin.cpp — `admin add | list | disable`: the accounts of the admin
// console (admin/admins.h). Passwords come on stdin or are generated once.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "admin/admins.h"
#include "cli/common.h"
#include "errors.h"

namespace district::cli {

void addAdmin(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("admin", "Accounts of the admin console (serve --admin-listen)");
    cmd->require_subcommand(1);

    auto* add = cmd->add_subcommand(
        "add", "Create an admin (or give an existing one a new password and role); its sessions end");
    auto req = std::make_shared<AdminAdd>();
    auto fromStdin = std::make_shared<bool>(false);
    add->add_option("NAME", req->name, "Login name: 1-32 of a-z 0-9 . _ -")->required();
    add->add_option("--role", req->role, "admin (reads and changes) or viewer (reads only)")
        ->required()
        ->check(CLI::IsMember({"admin", "viewer"}));
    add->add_flag("--password-stdin", *fromStdin,
                  "Read the password from the first line of stdin (at least 10 characters); "
                  "without it a one-time password is printed, to be changed at the first login");
    add->callback([&ctx, req, fromStdin] {
        if (*fromStdin) {
            std::string line;
            if (!std::getline(std::cin, line)) throw AdminError("--password-stdin: nothing on stdin");
            while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
            req->password = line;
        }
        auto storage = openData(ctx);
        const AdminAdded out = district::addAdmin(*storage, *req, std::chrono::system_clock::now());
        auditCli(*storage, "admin.add", out.account.name,
                 std::string(out.created ? "created" : "new password") + ", role " + out.account.role +
                     (out.one_time_password.empty() ? "" : ", one-time password"));
        std::printf("%s admin %s (role %s)\n", out.created ? "created" : "new password for",
                    out.account.name.c_str(), out.account.role.c_str());
        if (!out.one_time_password.empty())
            std::printf("one-time password (shown once; the console asks for a new one at the first "
                        "login): %s\n",
                        out.one_time_password.c_str());
    });

    auto* list = cmd->add_subcommand("list", "Admins with their role and state");
    list->callback([&ctx] {
        auto storage = openData(ctx);
        std::fputs(adminListText(*storage).c_str(), stdout);
    });

    auto* disable = cmd->add_subcommand("disable", "Disable an admin; its console sessions end");
    auto name = std::make_shared<std::string>();
    disable->add_option("NAME", *name, "Login name")->required();
    disable->callback([&ctx, name] {
        auto storage = openData(ctx);
        disableAdmin(*storage, *name, std::chrono::system_clock::now());
        auditCli(*storage, "admin.disable", *name, "");
        std::printf("admin %s disabled\n", name->c_str());
    });
}

}  // namespace district::cli
