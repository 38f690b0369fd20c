# The Debian package (CPack): binaries, bundled content, fonts (as links to the Debian font
# packages, never copies), the systemd units, the PAM file, a default kiosk.json, and the
# documentation with its screenshots. `cmake --build --preset release --target package`.
set(KIOSK_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/berswordt-kiosk)

# Fonts: the build tree has copies; the package has links into fonts-noto-core and
# fonts-font-awesome, which it depends on.
set(font_links ${CMAKE_BINARY_DIR}/package-font-links)
file(MAKE_DIRECTORY ${font_links})
foreach(target ${KIOSK_FONT_SOURCE_DIR}/NotoSans-Regular.ttf ${KIOSK_FONT_SOURCE_DIR}/NotoSans-Bold.ttf ${KIOSK_ICON_FONT})
  get_filename_component(name ${target} NAME)
  # Relative, as Debian policy asks for links within /usr: ../../fonts/… from our fonts folder.
  string(REGEX REPLACE "^/usr/share/" "../../" relative ${target})
  file(CREATE_LINK ${relative} ${font_links}/${name} SYMBOLIC)
  install(FILES ${font_links}/${name} DESTINATION ${KIOSK_DATA_SUBDIR}/fonts COMPONENT kiosk)
endforeach()

install(FILES systemd/berswordt-kiosk.service systemd/berswordt-kiosk-backend.service DESTINATION /lib/systemd/system)
install(FILES systemd/debian/kiosk.json DESTINATION /etc/berswordt-kiosk)
install(FILES systemd/nginx/kiosk-backend-http.conf systemd/nginx/kiosk-backend-proxy.conf systemd/nginx/berswordt-kiosk-backend.site
  DESTINATION ${KIOSK_DOC_DIR}/nginx)
install(FILES README.md DESTINATION ${KIOSK_DOC_DIR})
install(FILES systemd/debian/copyright DESTINATION ${KIOSK_DOC_DIR})
install(FILES ${CMAKE_BINARY_DIR}/changelog.gz DESTINATION ${KIOSK_DOC_DIR})
install(DIRECTORY assets/screenshots/ DESTINATION ${KIOSK_DOC_DIR}/screenshots FILES_MATCHING PATTERN "*.png")

# Manual pages from each program's --help (help2man), so `man kioskctl` works on the box.
find_program(HELP2MAN help2man REQUIRED)
set(man_pages "")
foreach(pair "berswordt-kiosk|touchscreen kiosk of the FreiwilligenAgentur Dortmund"
             "kioskctl|admin tool of the Berswordt-Halle kiosk"
             "kiosk-backend|reference backend of the Berswordt-Halle kiosk")
  string(REPLACE "|" ";" parts "${pair}")
  list(GET parts 0 program)
  list(GET parts 1 summary)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/man/${program}.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --name=${summary} --version-string=${PROJECT_VERSION}
            --output=${CMAKE_BINARY_DIR}/man/${program}.1 $<TARGET_FILE:${program}>
    COMMAND gzip -9 -n -f ${CMAKE_BINARY_DIR}/man/${program}.1
    DEPENDS ${program} VERBATIM)
  list(APPEND man_pages ${CMAKE_BINARY_DIR}/man/${program}.1.gz)
endforeach()
add_custom_target(kiosk_man_pages ALL DEPENDS ${man_pages})
install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Debian wants a changelog in every package; ours says where the real history is.
file(WRITE ${CMAKE_BINARY_DIR}/changelog
  "berswordt-kiosk (${PROJECT_VERSION}) bookworm; urgency=medium\n\n"
  "  * Built from the project's repository; see its git log for the changes.\n\n"
  " -- berswordt-kiosk developers <kiosk@freiwilligenagentur-dortmund.example>  Thu, 26 Nov 2026 12:00:00 +0100\n")
execute_process(COMMAND gzip -9 -n -f -k ${CMAKE_BINARY_DIR}/changelog)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME berswordt-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "berswordt-kiosk developers <kiosk@freiwilligenagentur-dortmund.example>")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "touchscreen kiosk of the FreiwilligenAgentur Dortmund
The kiosk in the Berswordt-Halle: visitors learn about the city's
civic-participation units and volunteer offers and register interest;
staff check its health; admins publish signed content. Includes kioskctl
(admin tool), kiosk-backend (reference backend) and systemd units that
run the kiosk under cage on tty1.")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# cage: the compositor; seatd: its seat. xwayland: Debian's cage is built with X support and
# exits without the Xwayland binary (which it does not depend on). kbd: chvt for the unit.
# All three found missing by the boot test (tests/vm/boot-proof.sh) on a minimal Debian 12.
# libjs-bootstrap5: the web editor's CSS, read by kiosk-backend at start.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cage, seatd, xwayland, kbd, fonts-noto-core, fonts-font-awesome, adduser, libgl1-mesa-dri, libjs-bootstrap5")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_SOURCE_DIR}/systemd/debian/postinst ${CMAKE_SOURCE_DIR}/systemd/debian/postrm
  ${CMAKE_SOURCE_DIR}/systemd/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_FILE_NAME "berswordt-kiosk_${PROJECT_VERSION}_amd64")
include(CPack)
