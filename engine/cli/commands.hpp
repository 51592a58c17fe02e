#pragma once
// One function per `patsel` subcommand; each returns the exit code:
// 0 success, 1 problems found (errors, or warnings under --strict), 2 usage.

namespace patsel::cli {

int run_build(int argc, char** argv);
int run_validate(int argc, char** argv);
int run_search_catalog(int argc, char** argv);
int run_list(int argc, char** argv);
int run_call(int argc, char** argv);
int run_search(int argc, char** argv);  // search_command.cpp

// Reasoning: tree_command.cpp, recommend_command.cpp, relation_commands.cpp,
// stack_commands.cpp, reference_commands.cpp.
int run_tree(int argc, char** argv);
int run_recommend(int argc, char** argv);
int run_related(int argc, char** argv);
int run_migrate(int argc, char** argv);
int run_timeline(int argc, char** argv);
int run_path(int argc, char** argv);
int run_stack(int argc, char** argv);
int run_compare(int argc, char** argv);
int run_compositions(int argc, char** argv);
int run_problems(int argc, char** argv);
int run_cards(int argc, char** argv);

// Health: health_commands.cpp.
int run_diff(int argc, char** argv);
int run_review(int argc, char** argv);

}  // namespace patsel::cli
