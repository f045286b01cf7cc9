// staff_screen.h — staff mode (issue 5 item 1).
//
// Entry is discreet: hold the top-left corner of the welcome screen for 3 s
// (widget `staff.corner`, drawn by drawStaffCorner()), choose your name, type
// your PIN (masked ●; checked with config::verifyPin on a worker thread; five
// wrong PINs lock the pad for 60 s). Staff mode locks itself whenever it is
// left: the idle timeout returns to the welcome screen, and every staff screen
// but the name and PIN steps needs the unlock made on the PIN step.
//
// Screens (one per step, so Back goes one step back):
//   staff_login            choose your name            staff.name.<staff id>
//   staff_pin              PIN pad                     staff.pin.0-9, staff.pin.del, staff.pin.ok
//   staff                  staff home, six choices     staff.rapid, staff.rosters, staff.rejected,
//                                                      staff.help, staff.sync, staff.status
//   staff_rapid_targets    today's activities / meals  staff.target.<n>
//   staff_rapid            card after card: ✓ / ✗      staff.undo, staff.lookup
//   staff_lookup           name or phone search        staff.key.0-9, staff.key.del, staff.key.clear,
//                                                      staff.member.<n>
//   staff_roster_targets   pick a roster               staff.target.<n>
//   staff_roster           who signed up / came        staff.roster_list
//   staff_rejected         ops the district rejected   staff.rejected_list
//   staff_help             open help calls             staff.help_done.<n>
//   staff_status           versions, sync, disk        staff.sync_now
#pragma once

#include <memory>
#include <vector>

#include "screens/screen.h"

namespace screens {

namespace ids {
inline constexpr const char* kStaffLogin = "staff_login";
inline constexpr const char* kStaffPin = "staff_pin";
inline constexpr const char* kStaff = "staff";
inline constexpr const char* kStaffRapidTargets = "staff_rapid_targets";
inline constexpr const char* kStaffRapid = "staff_rapid";
inline constexpr const char* kStaffLookup = "staff_lookup";
inline constexpr const char* kStaffRosterTargets = "staff_roster_targets";
inline constexpr const char* kStaffRoster = "staff_roster";
inline constexpr const char* kStaffRejected = "staff_rejected";
inline constexpr const char* kStaffHelp = "staff_help";
inline constexpr const char* kStaffStatus = "staff_status";
}  // namespace ids

struct StaffState;

class StaffScreen final : public Screen {
public:
    enum class Step { Login, Pin, Home, RapidTargets, Rapid, Lookup, RosterTargets, Roster, Rejected, Help, Status };

    StaffScreen(Context& ctx, Step step, std::shared_ptr<StaffState> state);

    void onEnter() override;
    bool onCard(const std::string& cardNo) override;

protected:
    void drawContent(const shell::Rect& area) override;

private:
    void drawLogin(const shell::Rect& area);
    void drawPin(const shell::Rect& area);
    void drawHome(const shell::Rect& area);
    void drawTargets(const shell::Rect& area, bool rapid);
    void drawRapid(const shell::Rect& area);
    void drawLookup(const shell::Rect& area);
    void drawRoster(const shell::Rect& area);
    void drawRejected(const shell::Rect& area);
    void drawHelp(const shell::Rect& area);
    void drawStatus(const shell::Rect& area);
    void pollPin();
    void runLookup();

    Step step_;
    std::shared_ptr<StaffState> st_;
};

std::vector<std::unique_ptr<Screen>> makeStaffScreens(Context& ctx);

// The hidden target in the top-left corner of the welcome screen: held for
// 3 s it opens staff mode. The shell draws it over the welcome screen.
void drawStaffCorner(Context& ctx);

}  // namespace screens
