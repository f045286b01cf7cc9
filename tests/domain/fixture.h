// A kiosk database on a real file with a small district cached in it, and a
// clock the test moves. Rows are what a sync pull would have written.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/context.h"
#include "store/kiosk_db.h"

class DomainTest : public ::testing::Test {
protected:
    // 2026-11-23 (a Monday) 08:00 Shenzhen time.
    core::ManualClock clock{core::parseIso("2026-11-23T08:00:00+08:00")};
    std::filesystem::path dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<domain::Context> ctx;

    void SetUp() override;
    void TearDown() override;

    // The district's keys as an enrollment would store them (a throwaway pair).
    static constexpr const char* kMemberKey =
        "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    std::string signingKeyPem;  // the district's private key, to sign elder QR codes in tests

    // A member row as a pull writes it: hashes, masked name, birth year and
    // month, and what the meal rules ask.
    struct Facts {
        bool hukou = true;
        std::vector<std::string> categories = {};
        int careLevel = 0;
        bool address = false;
    };
    void addMember(const std::string& id, const std::string& card, const std::string& phone,
                   const std::string& name, const std::string& birth, const Facts& facts);
    void addSlot(const std::string& id, const std::string& date, const std::string& slot,
                 int priceCents, int capacity, const std::string& cutoff, int quota);
    void addActivity(const std::string& id, const std::string& title, const std::string& startsAt,
                     int capacity, int quota);
    std::int64_t pendingOps(const std::string& kind);
};
