// The allocator settings of the patsel tool, when it is linked with jemalloc
// (CMakeLists.txt): jemalloc reads this symbol when it starts; MALLOC_CONF in
// the environment still overrides it. Transparent huge pages for the heap
// and for jemalloc's own metadata: a rebuild from the page cache decodes
// every cached page into fresh memory, and on a virtual machine the faults
// of 4 KB pages were most of that time (README, "Performance": a rebuild of
// 20,000 pages took 6.5-6.7 s with glibc's malloc, 4.1-4.9 s with this).

extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's.
const char* malloc_conf = "thp:always,metadata_thp:always";
}
