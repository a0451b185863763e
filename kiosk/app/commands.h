// The subcommands of the one `vetrina` binary; each lives in its own cmd_*.cpp.
#pragma once

namespace vt {

int cmdRun(int argc, char** argv);
int cmdImport(int argc, char** argv);
int cmdList(int argc, char** argv);
int cmdShoot(int argc, char** argv);
int cmdPlay(int argc, char** argv);
int cmdBench(int argc, char** argv);
int cmdSearch(int argc, char** argv);
int cmdBenchSearch(int argc, char** argv);

}  // namespace vt
