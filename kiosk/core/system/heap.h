// The C heap of the process: how much is in use, and giving back what is free.
//
// glibc's malloc keeps freed memory for reuse. A kiosk that runs for months allocates in bursts
// (a sync parsing a feed, a visitor's search results, a PDF page) and then sits idle; without a
// trim the heap's pages stay resident after the burst, so resident memory climbs in steps that
// look like a leak while the bytes in use stay flat (measured by `vetrina soak`, see
// docs/PERFORMANCE.md). Returning free pages when a visitor's session ends keeps resident memory
// equal to what the kiosk really holds.
#pragma once

namespace vt {

struct HeapUse {
    long inUseKb = 0;     // bytes handed out by malloc (small blocks and mmapped ones)
    long reservedKb = 0;  // bytes the main heap holds from the system, used or free
};

HeapUse heapUse();

// Gives free heap pages back to the system (malloc_trim). It walks the whole heap: 3 to 15 ms
// on a fragmented 45 MB test heap, so it is called when a visitor's session ends (nobody is
// touching the screen then), never per frame.
void releaseFreeHeap();

}  // namespace vt
