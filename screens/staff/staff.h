// staff/ — staff mode, one file a step.
//
// Entry is discreet: hold the top-left corner of the welcome screen for 3 s
// (widget `staff.corner`, drawn by drawStaffCorner()), choose your name, type
// your PIN (masked ●; checked off the UI thread; five wrong PINs lock the pad
// for 60 s). Staff mode locks itself whenever it is left: the idle timeout
// returns to the welcome screen, and every staff step but the name and PIN
// steps needs the unlock made on the PIN step.
//
// Steps (one screen each, so Back goes one step back):
//   staff_login            login.cpp     choose your name            staff.name.<staff id>, staff.next_page
//   staff_pin              pin.cpp       PIN pad (keypad.h)          staff.pin.0-9, staff.pin.del, staff.pin.ok
//   staff                  home.cpp      six choices                 staff.rapid, staff.rosters, staff.rejected,
//                                                                    staff.help, staff.sync, staff.status
//   staff_rapid_targets    targets.cpp   today's activities / meals  staff.target.<n>, staff.prev_page, staff.next_page
//   staff_rapid            rapid.cpp     card after card: ✓ / ✗      staff.undo, staff.lookup
//   staff_lookup           lookup.cpp    name or phone search        staff.key.0-9, staff.key.clear, staff.key.del,
//                                                                    staff.member.<n>
//   staff_roster_targets   targets.cpp   pick a roster               staff.target.<n>
//   staff_roster           roster.cpp    who signed up / came        staff.roster_list
//   staff_rejected         rejected.cpp  ops the district rejected   staff.rejected_list
//   staff_help             help.cpp      open help calls             staff.help_done.<n>
//   staff_status           status.cpp    versions, sync, disk        staff.sync_now
//   staff_act              act.cpp       代办: find the elder          staff.act.member.<n>; then the elder's Home, act.end
//   staff_care             care.cpp      关爱名单                        staff.care.reached.<n>, staff.care.not_reached.<n>
//   staff_more             more.cpp      the rarer choices            staff.enrol, staff.card, staff.rejected, staff.sync,
//                                                                    staff.status
//   staff_enrol            enrol.cpp     登记新长者                      staff.enrol.field.<name|phone|birth|card|address>,
//                                                                    staff.enrol.hukou, staff.enrol.cat.<code>,
//                                                                    staff.enrol.key.0-9, staff.enrol.submit
//   staff_card             enrol.cpp     补卡: find, then the new card  staff.key.*, staff.card.member.<n>, staff.card.other
#pragma once

#include <memory>
#include <vector>

#include "screens/screen.h"

namespace screens {

void addStaffScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out);

// The hidden target in the top-left corner of the welcome screen: held for
// 3 s it opens staff mode. The shell draws it over the welcome screen.
void drawStaffCorner(Context& ctx);

}  // namespace screens
