#pragma once
// One function per `patsel` subcommand; each returns the exit code:
// 0 success, 1 problems found (errors, or warnings under --strict), 2 usage.

namespace patsel::cli {

int run_build(int argc, char** argv);
int run_validate(int argc, char** argv);
int run_list(int argc, char** argv);
int run_call(int argc, char** argv);

}  // namespace patsel::cli
