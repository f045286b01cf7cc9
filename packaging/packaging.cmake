# packaging.cmake — `cpack -G DEB` (in the build dir) makes two packages:
#   elder-kiosk       the station: kiosk binary, cage session unit (packaging/elder-kiosk)
#   district-server   the district: server binary, systemd units, config (packaging/district-server)
# Shared-library dependencies come from dpkg-shlibdeps; the rest is declared
# below. tests/package checks what comes out (files, units, scripts).

install(PROGRAMS $<TARGET_FILE:kiosk> DESTINATION bin RENAME elder-kiosk COMPONENT kiosk)
install(FILES packaging/elder-kiosk/elder-kiosk.service DESTINATION /lib/systemd/system COMPONENT kiosk)
install(FILES docs/DEPLOY.md DESTINATION share/doc/elder-kiosk COMPONENT kiosk)

install(TARGETS district-server RUNTIME DESTINATION bin COMPONENT server)
install(FILES packaging/district-server/district-server.service
              packaging/district-server/district-server@.service
        DESTINATION /lib/systemd/system COMPONENT server)
install(FILES packaging/district-server/district-server.conf DESTINATION /etc/district-server COMPONENT server)
install(FILES docs/DEPLOY.md server/README.md DESTINATION share/doc/district-server COMPONENT server)

set(CPACK_PACKAGE_VENDOR "Futian district elder services")
set(CPACK_PACKAGE_CONTACT "Futian district IT <it@futian.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk server)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)  # xz of two stripped binaries costs a minute on 2 cores

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME elder-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION misc)
set(CPACK_COMPONENT_KIOSK_DESCRIPTION
  "Elder-service station kiosk (Futian)\n Full-screen touch kiosk for community elder-service stations: check-in,\n canteen meals, activities and the time bank, offline first, synced with the\n district server. Runs under the cage Wayland kiosk compositor.")
# libcurl4: loaded with dlopen when the kiosk first syncs (sync/client/curl_lib.h),
# so dpkg-shlibdeps does not see it.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "cage, fonts-noto-cjk, libcurl4 (>= 7.84), passwd, systemd")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
  "${CMAKE_SOURCE_DIR}/packaging/elder-kiosk/postinst;${CMAKE_SOURCE_DIR}/packaging/elder-kiosk/prerm;${CMAKE_SOURCE_DIR}/packaging/elder-kiosk/postrm")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME district-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
  "Futian district sync server and admin tool\n HTTPS sync API for the elder-service stations, admin console and CLI, on\n SQLite or on PostgreSQL shared by several server processes.")
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "passwd, systemd")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "postgresql-client")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "postgresql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
  "${CMAKE_SOURCE_DIR}/packaging/district-server/postinst;${CMAKE_SOURCE_DIR}/packaging/district-server/prerm;${CMAKE_SOURCE_DIR}/packaging/district-server/postrm;${CMAKE_SOURCE_DIR}/packaging/district-server/conffiles")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
