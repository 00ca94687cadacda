// vnseg._vnseg._convert_block: bytes in, bytes out, through the CLI's own
// stream reader and conversions (tools/text_stream.h, conversions.h), for
// vnseg.dask, whose outputs must be the bytes of `vnseg OP FILE`. No str is
// made: the bytes go from the file to the library and back.
#pragma once

#include <pybind11/pybind11.h>

#include "pool.h"

namespace vnseg::python {

// The output of the bytes `data` of the input `name` from its byte `offset`
// (0 or after a '\n') on its line `line`, for the conversion `op`
// ("segment", "resegment", "join", "sentences", "normalize") with the
// options of `options` (tokenize, sentences, detok, tone, fold_quotes,
// spaces, invisible: absent ones take the CLI's defaults), `invalid` 0
// error, 1 replace, 2 pass, `block_size` the CLI's read size (1 MiB; its
// VNSEG_BLOCK_SIZE; 16 to 2^30). `pool`: for segment and resegment (else null). Bad
// input raises ValueError with the CLI's message, and so do `invalid` or
// `block_size` out of range; runs without the GIL.
pybind11::bytes ConvertBlock(SegmenterPool* pool, const std::string& op, const pybind11::bytes& data,
                             const std::string& name, uint64_t offset, uint64_t line, int invalid,
                             size_t block_size, const pybind11::dict& options);

// Whether the start of `data` looks segmented already (the hint of `vnseg
// segment`): (joined, spaced, looks_segmented).
pybind11::tuple SegmentedHint(SegmenterPool* pool, const pybind11::bytes& data);

}  // namespace vnseg::python
