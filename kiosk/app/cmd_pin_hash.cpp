// vetrina pin-hash: reads a maintenance PIN from standard input and prints the line to put in the
// kiosk configuration. The PIN itself is never stored anywhere.
#include "args.h"
#include "commands.h"

#include "core/maintenance/pin_guard.h"
#include "core/util/text.h"

#include <termios.h>
#include <unistd.h>
#include <cstdio>
#include <iostream>
#include <string>

namespace vt {

int cmdPinHash(int argc, char** argv) {
    Args args(argc, argv, 2);
    args.allowOnly({});
    const bool tty = isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::fprintf(stderr, "PIN (6-12 digits): ");
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string pin;
    std::getline(std::cin, pin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fprintf(stderr, "\n");
    }
    pin = trim(pin);
    if (!PinGuard::isValidPin(pin)) {
        std::fprintf(stderr, "vetrina pin-hash: the PIN must be 6 to 12 digits\n");
        return 2;
    }
    if (PinGuard::isTrivialPin(pin)) {
        std::fprintf(stderr,
                     "vetrina pin-hash: the PIN is too easy to guess (repeated digits, a run like "
                     "123456 or a common pattern): choose another one\n");
        return 2;
    }
    std::printf("[maintenance]\npin_hash = \"%s\"\n", PinGuard::hashPin(pin).c_str());
    return 0;
}

}  // namespace vt
