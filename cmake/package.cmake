# Installs vnseg as a package other projects link in two lines:
#   CMake:      find_package(vnseg) + target_link_libraries(app vnseg::vnseg)
#   pkg-config: pkg-config --cflags --libs [--static] vnseg
# Both are relocatable (paths relative to the installed files), so
# `cmake --install build --prefix ANY` works.
include(CMakePackageConfigHelpers)

set(VNSEG_DICT_INSTALL_PATH "${CMAKE_INSTALL_DATADIR}/vnseg/vnseg.dic")
set(vnseg_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/vnseg")

install(EXPORT vnsegTargets NAMESPACE vnseg:: DESTINATION "${vnseg_cmake_dir}")
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/vnsegConfig.cmake.in"
  "${CMAKE_BINARY_DIR}/package/vnsegConfig.cmake"
  INSTALL_DESTINATION "${vnseg_cmake_dir}"
  PATH_VARS VNSEG_DICT_INSTALL_PATH)
# 0.x: only the same minor version is compatible.
write_basic_package_version_file(
  "${CMAKE_BINARY_DIR}/package/vnsegConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_BINARY_DIR}/package/vnsegConfig.cmake"
              "${CMAKE_BINARY_DIR}/package/vnsegConfigVersion.cmake"
        DESTINATION "${vnseg_cmake_dir}")

file(RELATIVE_PATH VNSEG_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" VNSEG_PC_TO_PREFIX "${VNSEG_PC_TO_PREFIX}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/vnseg.pc.in" "${CMAKE_BINARY_DIR}/package/vnseg.pc" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/package/vnseg.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
