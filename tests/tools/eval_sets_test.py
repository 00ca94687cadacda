#!/usr/bin/env python3
"""Tests of tools/eval_sets.py on small inline inputs with known answers
(ctest tools.eval_sets; no treebank needed).

usage: eval_sets_test.py [unittest options]
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools")
SCRIPT = os.path.join(TOOLS, "eval_sets.py")
sys.path.insert(0, TOOLS)
sys.dont_write_bytecode = True  # nothing written into the source tree
import eval_sets  # noqa: E402


class Files(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.dir = self._dir.name

    def tearDown(self):
        self._dir.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    def read(self, name):
        with open(os.path.join(self.dir, name), encoding="utf-8", newline="") as f:
            return f.read()

    def run_tool(self, *args, ok=True):
        proc = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True,
                              text=True, encoding="utf-8")
        if ok:
            self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc


class CaseTest(Files):
    def test_lower_keeps_underscores_spaces_and_line_ends(self):
        # Unicode's full mapping, not a fold: a Greek final sigma stays final.
        src = self.write("in.txt", "Tổng_thống ĐÀ_NẴNG ỞĐÂY , Ðặng ΟΔΟΣ\r\nỨng_Hòa  QUỐC_HỘI\n")
        self.run_tool("lower", src, os.path.join(self.dir, "out.txt"))
        self.assertEqual(self.read("out.txt"),
                         "tổng_thống đà_nẵng ởđây , ðặng οδος\r\nứng_hòa  quốc_hội\n")

    def test_caps_of_every_vietnamese_vowel_and_d(self):
        src = self.write("in.txt", "hòa_bình ư ạ đ ỹ ữ ẳ ộ\nthành_phố Hồ_Chí_Minh")
        self.run_tool("caps", src, os.path.join(self.dir, "out.txt"))
        self.assertEqual(self.read("out.txt"), "HÒA_BÌNH Ư Ạ Đ Ỹ Ữ Ẳ Ộ\nTHÀNH_PHỐ HỒ_CHÍ_MINH")


class NamesTest(Files):
    # (segmented line, taken?)
    CASES = [
        ("Trả_lời phỏng_vấn , ông Lộc nói .", False),  # a sentence-initial capital alone
        ("Ông Lộc nói .", True),                        # ... followed by a capital
        ("thành_phố Hồ_Chí_Minh .", True),              # inside one word
        ("Tổng_thống Nga Putin nói .", True),          # across words
        ("ở Huế , Vinh và huế .", False),              # a comma breaks the pair
        ("giá LBKT Tăng RBKT cao .", False),           # the treebank's brackets are not capitals
        ("đi 2 Km rồi về Hà_Nội", True),
        ("đi 2 Km rồi về", False),                     # a digit is not a capital
        ("công_an TP. HCM", True),
        ("", False),
    ]

    def test_has_name_pair(self):
        for line, taken in self.CASES:
            self.assertEqual(eval_sets.has_name_pair(line), taken, line)

    def test_subset_keeps_the_raw_lines_aligned(self):
        seg = self.write("in.seg", "".join(line + "\n" for line, _ in self.CASES))
        raw = self.write("in.raw", "".join(f"raw {i}\n" for i in range(len(self.CASES))))
        self.run_tool("names-subset", seg, raw, os.path.join(self.dir, "out.seg"),
                      os.path.join(self.dir, "out.raw"))
        kept = [i for i, (_, taken) in enumerate(self.CASES) if taken]
        self.assertEqual(self.read("out.seg"), "".join(self.CASES[i][0] + "\n" for i in kept))
        self.assertEqual(self.read("out.raw"), "".join(f"raw {i}\n" for i in kept))

    def test_line_counts_must_agree(self):
        seg = self.write("in.seg", "Hà_Nội\nHuế\n")
        raw = self.write("in.raw", "Hà Nội\n")
        proc = self.run_tool("names-subset", seg, raw, os.path.join(self.dir, "a"),
                             os.path.join(self.dir, "b"), ok=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("lines", proc.stderr)


# "trở về": 4 occurrences, joined 3 times, split once -> inconsistent.
# "con gái": twice, joined both times -> consistent.
# "phó chủ tịch": one word once, "Phó chủ_tịch" once (case-folded) -> inconsistent.
# "chủ tịch": counted in "Phó chủ_tịch" and "chủ_tịch nước", not inside
#   "phó_chủ_tịch" -> 2 occurrences, one way.
# "chí minh": a word once; inside "Hồ_Chí_Minh" it is not an occurrence -> 1,
#   not counted; "hồ chí minh" once, not counted.
# "học sinh": a word once only; "rất đẹp" is never a word: neither counted.
SEG = """trở_về nhà .
con_gái trở về quê .
trở_về con_gái .
Trở_về đi , rất đẹp .
ông phó_chủ_tịch và Phó chủ_tịch , chủ_tịch nước
Chí_Minh đến , Hồ_Chí_Minh đi .
học_sinh rất đẹp
"""
# The same text as the treebank might cut it: "trở về" joined everywhere (so
# the segmenter's split is its own), "phó chủ tịch" cut two ways as in SEG.
GOLD = SEG.replace("trở về quê", "trở_về quê")


class ConsistencyTest(Files):
    def json_of(self, *args):
        proc = self.run_tool("consistency", *args)
        return proc.stdout, json.loads(proc.stdout.splitlines()[-1])

    def test_counts(self):
        out, result = self.json_of(self.write("seg.txt", SEG))
        self.assertEqual(result, {"phrases": 4, "inconsistent": 2, "rate": 0.5,
                                  "inconsistent_where_gold_consistent": None})
        self.assertIn("trở về: trở_về x3, trở về x1", out)
        self.assertIn("phó chủ tịch: phó_chủ_tịch x1, Phó chủ_tịch x1", out)

    def test_gold(self):
        out, result = self.json_of(self.write("seg.txt", SEG), "--gold", self.write("gold.txt", GOLD))
        self.assertEqual(result, {"phrases": 4, "inconsistent": 2, "rate": 0.5,
                                  "inconsistent_where_gold_consistent": 1})
        self.assertIn("trở về: trở_về x3, trở về x1 [gold one way]", out)
        self.assertIn("the gold itself: 4 phrases, 1 inconsistent", out)

    def test_gold_cut_at_the_edges_counts(self):
        # The gold joins "trở về" with "quê" at one place: it does not cut the
        # phrase one way there, so no inconsistency is the segmenter's own.
        gold = SEG.replace("trở về quê", "trở_về_quê")
        _, result = self.json_of(self.write("seg.txt", SEG), "--gold", self.write("gold.txt", gold))
        self.assertEqual(result["inconsistent_where_gold_consistent"], 0)

    def test_consistent_text(self):
        _, result = self.json_of(self.write("seg.txt", GOLD.replace("Phó chủ_tịch", "Phó_chủ_tịch")))
        self.assertEqual(result["inconsistent"], 0)
        self.assertEqual(result["rate"], 0.0)

    def test_gold_must_have_the_same_syllables(self):
        proc = self.run_tool("consistency", self.write("seg.txt", "trở_về nhà\n"), "--gold",
                             self.write("gold.txt", "trở_về quê\n"), ok=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("differ", proc.stderr)


if __name__ == "__main__":
    unittest.main()
