// The subcommands of the one `vetrina` binary; each lives in its own cmd_*.cpp.
#pragma once

namespace vt {

int cmdRun(int argc, char** argv);
int cmdImport(int argc, char** argv);
int cmdList(int argc, char** argv);
int cmdShoot(int argc, char** argv);
int cmdPlay(int argc, char** argv);
int cmdBench(int argc, char** argv);
int cmdPinHash(int argc, char** argv);
int cmdPdfRender(int argc, char** argv);
int cmdDoctor(int argc, char** argv);
int cmdSync(int argc, char** argv);
int cmdStatus(int argc, char** argv);
int cmdKeygen(int argc, char** argv);
int cmdPublish(int argc, char** argv);
int cmdTrigger(int argc, char** argv);
int cmdSearch(int argc, char** argv);
int cmdBenchSearch(int argc, char** argv);
int cmdSoak(int argc, char** argv);

}  // namespace vt
