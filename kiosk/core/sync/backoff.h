// When to try a source again: its poll interval after a success; after failures an exponential
// delay (10 s, 20 s, 40 s...) capped at four poll intervals and at maxBackoffSeconds, with
// "equal jitter" so the kiosks of a town do not retry in step.
#pragma once

namespace vt {

// `jitter01` is a uniform random number in [0, 1): the delay is between half and all of the step.
int retryDelaySeconds(int consecutiveFailures, int pollSeconds, int maxBackoffSeconds, double jitter01);

}  // namespace vt
