// staff_status: the station, the app and config versions, the sync state,
// the op-log depth, free disk; and 立即同步.
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Status final : public Step {
public:
    Status(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffStatus, "staff.status.title", std::move(st)) {}

protected:
    void load() override {
        info_ = ctx_.stationInfo();
        depth_ = ctx_.domain->oplog().depth();
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const shell::StatusInfo& s = ctx_.status;
        std::string sync;
        switch (s.sync) {
            case shell::StatusInfo::Sync::NotEnrolled: sync = str.get("staff.status.not_enrolled"); break;
            case shell::StatusInfo::Sync::Waiting: sync = str.get("staff.status.waiting"); break;
            case shell::StatusInfo::Sync::Synced: sync = str.get("staff.status.online"); break;
            case shell::StatusInfo::Sync::Offline: sync = str.get("staff.status.offline"); break;
        }
        const std::string none = str.get("staff.status.none");
        const std::pair<std::string, std::string> rows[] = {
            {str.get("staff.status.station"), s.stationName.empty() ? none : s.stationName},
            {str.get("staff.status.app_version"), info_.appVersion.empty() ? std::string(ELDER_APP_VERSION) : info_.appVersion},
            {str.get("staff.status.config_version"),
             info_.configVersion > 0 ? std::to_string(info_.configVersion) : str.get("staff.status.config_builtin")},
            {str.get("staff.status.sync"), sync},
            {str.get("staff.status.last_sync"), s.lastSyncHHMM.empty() ? none : s.lastSyncHHMM},
            {str.get("staff.status.depth"), str.format("staff.status.depth_value", {{"count", std::to_string(depth_)}})},
            {str.get("staff.status.disk"),
             info_.freeDiskMb >= 0 ? str.format("staff.status.disk_value", {{"mb", std::to_string(info_.freeDiskMb)}}) : none},
        };
        float labelW = 0;
        for (const auto& r : rows) labelW = std::max(labelW, ui.textWidth(shell::FontRole::Body, r.first));
        Node table = shell::column(m.gap * 0.3f);
        for (const auto& r : rows) {
            Node label = muted(ctx_, r.first);
            label.width = [labelW] { return shell::Span{labelW, labelW}; };
            label.flex = false;
            Node value = body(ctx_, r.second);
            value.grow = 1;
            table.add(shell::row(m.gap, {std::move(label), std::move(value)}));
        }
        Node now = ui.button(wid::kStaffSyncNow, str.get("staff.home.sync"), shell::Icon::Synced, ui.primaryStyle(), [this] {
            ctx_.syncNow();
            ctx_.showNotice(ctx_.strings.get("staff.sync.started"));
        }, std::max(m.touchMin, m.primaryHeight * 0.7f));
        now.align = shell::Align::Centre;
        return shell::column(m.gap, {ui.card(ui.scroll("staff.status.table", std::move(table), m.touchMin * 1.5f)),
                                     std::move(now)});
    }

private:
    StationInfo info_;
    std::int64_t depth_ = 0;
};

}  // namespace

std::unique_ptr<Screen> statusStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Status>(ctx, std::move(st));
}

}  // namespace screens::staff
