#include "core/system/heap.h"

#include <malloc.h>

namespace vt {

HeapUse heapUse() {
    const struct mallinfo2 m = mallinfo2();
    return {long((m.uordblks + m.hblkhd) / 1024), long((m.arena + m.hblkhd) / 1024)};
}

void releaseFreeHeap() {
    malloc_trim(0);
}

}  // namespace vt
