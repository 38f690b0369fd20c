// The floor of PRODUCT.md §7: a bare SDL2 + OpenGL window of the kiosk's size that clears and
// presents three frames and exits. What it costs (start-up, memory) is the driver's and the
// window system's price, which the kiosk pays too; the budgets are set above it.
#include <SDL.h>
#include <SDL_opengl.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

int main(int argc, char** argv) {
  const int w = argc > 2 ? std::atoi(argv[1]) : 1920;
  const int h = argc > 2 ? std::atoi(argv[2]) : 1080;
  if (SDL_Init(SDL_INIT_VIDEO) != 0) return std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError()), 1;
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_Window* window = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, SDL_WINDOW_OPENGL);
  if (window == nullptr) return std::fprintf(stderr, "SDL_CreateWindow: %s\n", SDL_GetError()), 1;
  SDL_GLContext gl = SDL_GL_CreateContext(window);
  SDL_GL_SetSwapInterval(0);
  for (int i = 0; i < 3; ++i) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
    }
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    SDL_GL_SwapWindow(window);
  }
  glFinish();
  // Its memory at the end, when everything it will ever hold is mapped.
  std::ifstream smaps("/proc/self/smaps_rollup");
  for (std::string line; std::getline(smaps, line);)
    if (line.rfind("Pss:", 0) == 0) std::printf("%s\n", line.c_str());
  SDL_GL_DeleteContext(gl);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
