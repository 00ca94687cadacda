#!/usr/bin/env python3
"""Writes damaged copies of a compiled dictionary (vnseg.dic) for the CLI tests.

usage: dict_corrupt.py DICT OUT_DIR [--fuzz N] [--seed S]

Writes OUT_DIR/cases.tsv: one line per file, "NAME<TAB>TEXT", where TEXT must
appear in vnseg's error message for that file. The targeted cases (bad magic,
version, sizes, sections, trie links, hash slots) carry a recomputed checksum
so that they get past the checksum check and reach the structural checks;
the flipped_*.dic cases change one header field and keep the old checksum,
which covers the header too.
With --fuzz N, also writes N files fuzz_K.dic with random damage and a fixed
checksum, listed with TEXT "*" (any outcome but a crash is fine).

Layout (lib/src/dictionary_format.h, format 6): a 200-byte header
  magic[8] version:u32 byte_order:u32 file_size:u64 checksum:u64
  word_count syllable_count node_count edge_count hash_slot_count
  max_word_syllables model_slot_count model_dense_count model_feature_version
  reserved (u32 each), then 8
  sections {offset:u64, size:u64}: source, hash slots, syllable offsets,
  syllable bytes, nodes, edges, model slots, model dense weights.
  A node is {first_edge, edge_count, word_flags, is_word} (u32 each).
"""
import argparse
import os
import random
import struct

HEADER = 200
MASK = (1 << 64) - 1
SOURCE, SLOTS, SYL_OFFSETS, SYL_BYTES, NODES, EDGES, MODEL_SLOTS, MODEL_DENSE = range(8)
SECTIONS = 72  # offset of the section table


CHECKSUM = 24  # offset of FileHeader::checksum


def checksum(image):
    """FileChecksum of lib/src/dictionary_format.cc: the whole image, its checksum field as 0."""
    data = bytearray(image)
    data[CHECKSUM:CHECKSUM + 8] = bytes(8)
    h = 0xCBF29CE484222325 ^ len(data)
    n = len(data) // 8
    for w in struct.unpack_from("<%dQ" % n, data):
        h = ((h ^ w) * 0x100000001B3) & MASK
        h ^= h >> 29
    for c in data[n * 8:]:
        h = ((h ^ c) * 0x100000001B3) & MASK
    return h


def fix_checksum(b):
    struct.pack_into("<Q", b, CHECKSUM, checksum(b))
    return b


def section(d, i):
    return struct.unpack_from("<QQ", d, SECTIONS + 16 * i)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dict")
    ap.add_argument("out_dir")
    ap.add_argument("--fuzz", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    d = open(args.dict, "rb").read()
    assert d[:8] == b"VNSEGDIC", "not a vnseg dictionary: " + args.dict
    assert checksum(d) == struct.unpack_from("<Q", d, CHECKSUM)[0], \
        "checksum formula out of date with lib/src/dictionary_format.cc"
    os.makedirs(args.out_dir, exist_ok=True)
    syllable_count = struct.unpack_from("<I", d, 36)[0]
    cases = []

    def write(name, data, text):
        with open(os.path.join(args.out_dir, name), "wb") as f:
            f.write(data)
        cases.append((name, text))

    def patched(offset, fmt, value, fix=True):
        b = bytearray(d)
        struct.pack_into(fmt, b, offset, value)
        return bytes(fix_checksum(b) if fix else b)

    write("truncated.dic", d[: len(d) // 2], "truncated?")
    write("header_only.dic", d[:100], "file too short for a header")
    write("empty.dic", b"", "file is empty")
    text = "".join("từ thứ %d\thòa bình\n" % i for i in range(50)).encode()
    write("text.dic", text, "bad magic bytes")
    flipped = bytearray(d)
    flipped[len(d) // 2] ^= 0x55
    write("flipped_byte.dic", bytes(flipped), "checksum mismatch")
    write("version.dic", patched(8, "<I", 99), "format version 99")
    write("byte_order.dic", patched(12, "<I", 0x04030201), "another byte order")
    write("grown.dic", d + b"\0" * 8, "(truncated?)")
    # Every header field after the checksum, changed: the checksum covers them.
    fields = ["word_count", "syllable_count", "node_count", "edge_count", "hash_slot_count",
              "max_word_syllables", "model_slot_count", "model_dense_count",
              "model_feature_version", "reserved"]
    for k, name in enumerate(fields):
        off = 32 + 4 * k
        value = struct.unpack_from("<I", d, off)[0]
        write("flipped_%s.dic" % name, patched(off, "<I", value ^ 1, fix=False), "checksum mismatch")
    for i, name in enumerate(["source", "hash_slots", "syllable_offsets", "syllable_bytes",
                              "nodes", "edges", "model_slots", "model_dense"]):
        for part, off in (("offset", SECTIONS + 16 * i), ("size", SECTIONS + 16 * i + 8)):
            value = struct.unpack_from("<Q", d, off)[0]
            write("flipped_%s_%s.dic" % (name, part), patched(off, "<Q", value ^ 8, fix=False),
                  "checksum mismatch")
    write("checksum_field.dic", patched(CHECKSUM, "<Q", struct.unpack_from("<Q", d, CHECKSUM)[0] ^ 1,
                                        fix=False), "checksum mismatch")
    write("reserved.dic", patched(68, "<I", 7), "reserved header field is not 0")
    edges_off, _ = section(d, EDGES)
    write("section_outside.dic", patched(SECTIONS + 16 * EDGES, "<Q", len(d) + 8),
          "a section lies outside the file or has the wrong size")
    write("edge_child.dic", patched(edges_off + 4, "<I", 0xFFFFFFF0), "trie edge out of range")
    nodes_off, _ = section(d, NODES)
    write("node_word.dic", patched(nodes_off + 12, "<I", 2), "trie node word mark is neither 0 nor 1")
    write("node_edges.dic", patched(nodes_off + 4, "<I", 0xFFFFFFFF), "trie node out of range")
    # Two edges to one node (the root's first two): a graph, not a tree.
    first_child = struct.unpack_from("<I", d, edges_off + 4)[0]
    write("shared_child.dic", patched(edges_off + 8 + 4, "<I", first_child), "trie is not a tree")
    # The root is no word: flags there contradict its (absent) word, and
    # marking it a word makes one more word than the header counts.
    write("node_flags.dic", patched(nodes_off + 8, "<I", 1), "trie node without a word has flags")
    write("node_extra_word.dic", patched(nodes_off + 12, "<I", 1),
          "word count does not match the trie")
    slots_off, slots_size = section(d, SLOTS)
    slots = struct.unpack_from("<%dI" % (slots_size // 4), d, slots_off)
    used = next(i for i, v in enumerate(slots) if v != 0)
    write("hash_slot.dic", patched(slots_off + 4 * used, "<I", syllable_count + 5),
          "hash slot out of range")
    empty = next(i for i, v in enumerate(slots) if v == 0)
    write("hash_extra.dic", patched(slots_off + 4 * empty, "<I", 1),
          "hash table does not match syllables")
    syl_off, _ = section(d, SYL_OFFSETS)
    write("syllable_offsets.dic", patched(syl_off, "<I", 0xFFFFFF), "syllable offsets")
    dense_count = struct.unpack_from("<I", d, 60)[0]
    if dense_count:  # the dictionary carries a learned model
        dense_off, _ = section(d, MODEL_DENSE)
        write("model_nan.dic", patched(dense_off, "<f", float("nan")), "not a finite number")
        # Finite but huge: sums overflowed to inf and NaN, and segmenting
        # looped for ever.
        b = bytearray(d)
        for p in range(dense_off, dense_off + 4 * dense_count, 4):
            struct.pack_into("<f", b, p, 3e38)
        write("model_huge_dense.dic", bytes(fix_checksum(b)),
              "model weight 3e+38 at byte %d is out of range" % dense_off)
        write("model_big_dense.dic", patched(dense_off, "<f", -2e6), "is out of range")
        write("model_dense_count.dic", patched(60, "<I", dense_count + 1),
              "a section lies outside the file or has the wrong size")
        write("model_version.dic", patched(64, "<I", 99), "model of feature version 99")
        model_off, model_size = section(d, MODEL_SLOTS)
        b = bytearray(d)  # every slot taken: a lookup could probe forever
        for p in range(model_off, model_off + model_size, 24):
            if struct.unpack_from("<Q", b, p)[0] == 0:
                struct.pack_into("<Q", b, p, 12345)
        write("model_full.dic", bytes(fix_checksum(b)), "model table has no empty slot")
        used_slot = next(p for p in range(model_off, model_off + model_size, 24)
                         if struct.unpack_from("<Q", d, p)[0] != 0)
        write("model_huge_slot.dic", patched(used_slot + 8 + 4 * 3, "<f", 3e38),
              "model weight 3e+38 at byte %d is out of range" % (used_slot + 20))

    rng = random.Random(args.seed)
    for k in range(args.fuzz):
        b = bytearray(d)
        for _ in range(rng.randrange(1, 8)):
            if rng.random() < 0.3:  # a header count or section field
                off = rng.choice([32, 36, 40, 44, 48, 52, 56, 60, 64] +
                                 [SECTIONS + 8 * i for i in range(16)])
                size = 4 if off < SECTIONS else 8
                value = rng.choice([0, 1, 3, 0xFFFFFFFF, rng.randrange(1 << 24)])
                b[off:off + size] = value.to_bytes(size, "little")
            else:  # a word of the tables
                sec = rng.choice([s for s in (SLOTS, SYL_OFFSETS, SYL_BYTES, NODES, EDGES,
                                              MODEL_SLOTS) if section(d, s)[1] > 0])
                off, size = section(d, sec)
                p = off + 4 * rng.randrange(size // 4)
                b[p:p + 4] = rng.choice([0, 1, 0xFFFFFFFF, rng.randrange(1 << 20)]).to_bytes(4, "little")
        write("fuzz_%d.dic" % k, bytes(fix_checksum(b)), "*")

    with open(os.path.join(args.out_dir, "cases.tsv"), "w", encoding="utf-8") as f:
        for name, text in cases:
            f.write("%s\t%s\n" % (name, text))


if __name__ == "__main__":
    main()
