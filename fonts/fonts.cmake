# The kiosk renders with Noto Sans from Debian's fonts-noto-core. The build tree gets copies next
# to the program; an install (the .deb) gets links to the font packages' files (systemd/packaging.cmake).
# Either way the program opens known paths and never asks fontconfig at run time.
set(KIOSK_FONT_SOURCE_DIR /usr/share/fonts/truetype/noto CACHE PATH "Where fonts-noto-core puts Noto Sans")
set(KIOSK_FONT_FILES NotoSans-Regular.ttf NotoSans-Bold.ttf)
set(staged_fonts "")
foreach(name ${KIOSK_FONT_FILES})
  if(NOT EXISTS ${KIOSK_FONT_SOURCE_DIR}/${name})
    message(FATAL_ERROR "${KIOSK_FONT_SOURCE_DIR}/${name} is missing: install fonts-noto-core (.ci/install-deps does)")
  endif()
  add_custom_command(OUTPUT ${KIOSK_BUILD_DATA_DIR}/fonts/${name}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${KIOSK_FONT_SOURCE_DIR}/${name} ${KIOSK_BUILD_DATA_DIR}/fonts/${name}
    DEPENDS ${KIOSK_FONT_SOURCE_DIR}/${name} VERBATIM)
  list(APPEND staged_fonts ${KIOSK_BUILD_DATA_DIR}/fonts/${name})
endforeach()
add_custom_target(kiosk_fonts ALL DEPENDS ${staged_fonts})

# Pictograms: Font Awesome 4.7 from Debian's fonts-font-awesome, merged into the text fonts.
set(KIOSK_ICON_FONT /usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf CACHE FILEPATH "Font Awesome 4.7 (fonts-font-awesome)")
if(NOT EXISTS ${KIOSK_ICON_FONT})
  message(FATAL_ERROR "${KIOSK_ICON_FONT} is missing: install fonts-font-awesome (.ci/install-deps does)")
endif()
add_custom_command(OUTPUT ${KIOSK_BUILD_DATA_DIR}/fonts/fontawesome-webfont.ttf
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${KIOSK_ICON_FONT} ${KIOSK_BUILD_DATA_DIR}/fonts/fontawesome-webfont.ttf
  DEPENDS ${KIOSK_ICON_FONT} VERBATIM)
add_custom_target(kiosk_icon_font ALL DEPENDS ${KIOSK_BUILD_DATA_DIR}/fonts/fontawesome-webfont.ttf)
add_dependencies(kiosk_fonts kiosk_icon_font)
