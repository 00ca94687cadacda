"""The FTS5 tokenizer 'vnseg' in a real SQLite database, next to unicode61.

Usage: fts5_test.py EXTENSION [SQLITE3_CLI]
EXTENSION is the built vnseg_fts5.so; the dictionary comes from VNSEG_DICT
or the extension's lookup. Runs with Debian's python3 (its sqlite3 module
can load extensions) and, when given, checks `.load` in the sqlite3 shell.
"""
import os
import subprocess
import sqlite3
import sys
import tempfile
import unicodedata
import unittest

EXTENSION = os.path.splitext(sys.argv[1])[0]  # .load works without ".so"
SQLITE3_CLI = sys.argv[2] if len(sys.argv) > 2 else None

NEWS = [
    "Tổng thống Mỹ kêu gọi hoà bình ở Trung Đông.",              # 1
    "Hai nước ký hiệp định hòa bình sau nhiều năm xung đột.",     # 2 (new tone placement)
    "Học sinh học bài ở nhà trong kỳ nghỉ.",                      # 3
    "Ngành sinh học phát triển nhanh ở Việt Nam.",                # 4
    "Hệ thống tổng hợp dữ liệu của bộ được nâng cấp.",            # 5
    "Giá bán gạo xuất khẩu tăng mạnh.",                            # 6
    "Tôi gặp lại bạn cũ ở Hà Nội.",                                # 7
    "Đường phố Hà Nội đông đúc dịp cuối năm.",                     # 8
    "Cửa hàng bán nhiều hoa hồng và hoa cúc.",                     # 9
    "Người dân mong hoà bình, vì hoà bình là hạnh phúc.",          # 10
    unicodedata.normalize("NFD", "Thế giới cần hoà bình lâu dài."),  # 11 (decomposed)
]

TOKENIZERS = {
    "vn": "vnseg",
    "vn_nodia": "vnseg remove_diacritics 1",
    "u61": "unicode61",                         # remove_diacritics 1 by default
    "u61_keep": "unicode61 remove_diacritics 0",
    "u61_nodia": "unicode61 remove_diacritics 2",
}


class Fts5Test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = sqlite3.connect(":memory:")
        cls.db.enable_load_extension(True)
        cls.db.load_extension(EXTENSION)
        for table, tokenize in TOKENIZERS.items():
            cls.db.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, tokenize='{tokenize}')")
            cls.db.executemany(f"INSERT INTO {table}(rowid, body) VALUES (?, ?)",
                               list(enumerate(NEWS, start=1)))

    def rows(self, table, query):
        return {r for (r,) in self.db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (query,))}

    def test_tone_placement_and_case_insensitive(self):
        self.assertEqual(self.rows("vn", '"hòa bình"'), {1, 2, 10, 11})
        self.assertEqual(self.rows("vn", '"HOÀ BÌNH"'), {1, 2, 10, 11})
        # unicode61 keeping diacritics misses the other spelling and NFD text.
        self.assertEqual(self.rows("u61_keep", '"hòa bình"'), {2})

    def test_diacritics_distinguish_words(self):
        # bạn (friend) is not bán (sell): unicode61's default folds them.
        self.assertEqual(self.rows("vn", "bạn"), {7})
        self.assertEqual(self.rows("u61", "bạn"), {6, 7, 9})
        # hoa (flower) is not hòa (peace).
        self.assertEqual(self.rows("vn", "hoa"), {9})
        self.assertTrue({1, 2, 9} <= self.rows("u61", "hoa"))

    def test_phrase_matches_words_not_syllables_across_words(self):
        # "Học sinh học bài": học_sinh học bài holds no word "sinh học".
        self.assertEqual(self.rows("vn", '"sinh học"'), {4})
        self.assertEqual(self.rows("u61", '"sinh học"'), {3, 4})
        self.assertEqual(self.rows("vn", '"tổng thống mỹ"'), {1})

    def test_one_syllable_finds_the_word(self):
        self.assertEqual(self.rows("vn", "thống"), {1, 5})
        self.assertEqual(self.rows("vn", "bình"), {1, 2, 10, 11})
        self.assertEqual(self.rows("vn", "thố*"), {1, 5})

    def test_remove_diacritics_mode(self):
        self.assertEqual(self.rows("vn_nodia", '"hoa binh"'), {1, 2, 10, 11})
        # đ is a letter of its own to unicode61, even with remove_diacritics 2.
        self.assertEqual(self.rows("vn_nodia", "duong"), {8})
        self.assertEqual(self.rows("u61_nodia", "duong"), set())

    def test_lone_combining_mark_takes_no_position(self):
        # Without diacritics a lone mark (U+0301, after a space or a control
        # character: bytes 01 cc 81) keys to nothing; the empty term it gave
        # took a position, so the phrase "x y" missed these rows.
        rows = {200: "x \u0301 y", 201: "x \x01\u0301 y", 202: "x \u0301\u0323 y."}
        try:
            self.db.executemany("INSERT INTO vn_nodia(rowid, body) VALUES (?, ?)", rows.items())
            self.assertEqual(self.rows("vn_nodia", '"x y"'), set(rows))
            self.assertEqual(self.rows("vn_nodia", '"x \u0301 y"'), set(rows))
        finally:
            self.db.execute("DELETE FROM vn_nodia WHERE rowid >= 200")

    HYPHENATED = [
        "Xung đột ở Nagorno-Karabakh leo thang.",        # 1
        "Quan hệ Malaysia-Trung Quốc được cải thiện.",   # 2
        "Trung Quốc và Nhật Bản ký thoả thuận.",         # 3
        "Karabakh là vùng núi.",                         # 4
        "Tuyến đường sắt Hà Nội-Hải Phòng.",             # 5
        "Hội đàm Nga-Mỹ ở Geneva.",                      # 6
        "Giai đoạn 2020-2023 khó khăn.",                 # 7
    ]

    def test_hyphenated_names_find_their_parts(self):
        """A hyphenated token is a term whole and, at its position, the words
        of its parts: the hits, row for row, are unicode61's (which splits at
        every hyphen) but for numbers, kept whole."""
        tables = {"hy_vn": "vnseg", "hy_vn_nodia": "vnseg remove_diacritics 1",
                  "hy_u61": "unicode61"}
        for table, tokenize in tables.items():
            self.db.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, tokenize='{tokenize}')")
            self.db.executemany(f"INSERT INTO {table}(rowid, body) VALUES (?, ?)",
                                list(enumerate(self.HYPHENATED, start=1)))
        expected = {
            "Karabakh": {1, 4},
            "Nagorno": {1},
            '"Nagorno-Karabakh"': {1},
            "Malaysia": {2},
            '"Trung Quốc"': {2, 3},
            '"Hải Phòng"': {5},
            '"Hà Nội"': {5},
            "Mỹ": {6},
            "Nga": {6},
        }
        counts = []
        for query, rows in expected.items():
            vn, u61 = self.rows("hy_vn", query), self.rows("hy_u61", query)
            counts.append(f"{query}: vnseg {len(vn)}, unicode61 {len(u61)}")
            self.assertEqual(vn, rows, query)
            self.assertEqual(u61, rows, query)
        print("\n  hits (vnseg vs unicode61): " + "; ".join(counts), file=sys.stderr)
        # Without diacritics too (one position a syllable, its parts there).
        self.assertEqual(self.rows("hy_vn_nodia", '"trung quoc"'), {2, 3})
        self.assertEqual(self.rows("hy_vn_nodia", '"malaysia-trung quoc"'), {2})
        # The parts share the position of their token: a phrase through them
        # all does not match (unicode61 gives each its own position).
        self.assertEqual(self.rows("hy_vn_nodia", '"malaysia trung quoc"'), set())
        self.assertEqual(self.rows("hy_u61", '"Malaysia Trung Quốc"'), {2})
        self.assertEqual(self.rows("hy_vn_nodia", "karabakh"), {1, 4})
        # Numbers stay one term (unicode61 splits them).
        self.assertEqual(self.rows("hy_vn", "2023"), set())
        self.assertEqual(self.rows("hy_u61", "2023"), {7})
        # The parts add no position: a phrase across the word still matches.
        self.assertEqual(self.rows("hy_vn", '"ở Nagorno-Karabakh leo thang"'), {1})
        (marked,) = self.db.execute("SELECT highlight(hy_vn, 0, '[', ']') FROM hy_vn "
                                    "WHERE hy_vn MATCH '\"Trung Quốc\"' AND rowid = 2").fetchone()
        self.assertEqual(marked, "Quan hệ [Malaysia-Trung Quốc] được cải thiện.")

    def test_rank_prefers_more_occurrences(self):
        ranked = [r for (r,) in self.db.execute(
            "SELECT rowid FROM vn WHERE vn MATCH '\"hòa bình\"' ORDER BY rank")]
        self.assertEqual(ranked[0], 10)

    def marked(self, function, query, rowid):
        """highlight(...) or snippet(...) of row `rowid` for `query`, marks [ ]."""
        (text,) = self.db.execute(
            f"SELECT {function} FROM vn WHERE vn MATCH ? AND rowid = ?", (query, rowid)).fetchone()
        return text

    def test_highlight_and_snippet_show_the_original_text(self):
        highlight = "highlight(vn, 0, '[', ']')"
        self.assertEqual(self.marked(highlight, '"hòa bình"', 1),
                         "Tổng thống Mỹ kêu gọi [hoà bình] ở Trung Đông.")
        # A syllable query highlights the whole word it belongs to.
        self.assertEqual(self.marked(highlight, "thống", 5),
                         "[Hệ thống] tổng hợp dữ liệu của bộ được nâng cấp.")
        self.assertEqual(self.marked(highlight, "bình", 11),
                         unicodedata.normalize("NFD", "Thế giới cần [hoà bình] lâu dài."))
        # snippet() counts positions, and a position is a word.
        self.assertEqual(self.marked("snippet(vn, 0, '[', ']', '…', 4)", "Nội", 8),
                         "Đường phố [Hà Nội] đông đúc dịp…")

    def test_user_words(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as words:
            words.write("# a word the dictionary lacks\nmạng xã hội\n")
            words.flush()
            self.db.execute("CREATE VIRTUAL TABLE social USING fts5(body, "
                            f"""tokenize="vnseg user_words '{words.name}'")""")
        text = "Mạng xã hội lan truyền tin giả."
        for table in ("social", "vn"):
            self.db.execute(f"INSERT INTO {table}(rowid, body) VALUES (100, ?)", (text,))
        # A syllable query highlights the word that holds it.
        (with_list,) = self.db.execute("SELECT highlight(social, 0, '[', ']') FROM social "
                                       "WHERE social MATCH 'xã'").fetchone()
        self.assertEqual(with_list, "[Mạng xã hội] lan truyền tin giả.")
        (without,) = self.db.execute("SELECT highlight(vn, 0, '[', ']') FROM vn "
                                     "WHERE vn MATCH 'xã' AND rowid = 100").fetchone()
        self.assertEqual(without, "Mạng [xã hội] lan truyền tin giả.")
        self.db.execute("DELETE FROM vn WHERE rowid = 100")

    def refused(self, tokenize, db=None):
        """CREATE with `tokenize` fails: (SQLite's code name, vnseg_last_error())."""
        db = db or self.db
        with self.assertRaisesRegex(sqlite3.Error, "error in tokenizer constructor") as caught:
            db.execute(f'CREATE VIRTUAL TABLE bad USING fts5(body, tokenize="{tokenize}")')
        (reason,) = db.execute("SELECT vnseg_last_error()").fetchone()
        return caught.exception.sqlite_errorname, reason

    def test_bad_arguments_are_refused_with_the_reason(self):
        # FTS5's own message is fixed; the reason used to reach only sqlite3_log.
        self.assertEqual(self.refused("vnseg colour 1"), (
            "SQLITE_ERROR", "unknown argument 'colour' "
                            "(arguments: remove_diacritics 0|1, dict PATH, user_words PATH)"))
        self.assertEqual(self.refused("vnseg remove_diacritics 2"),
                         ("SQLITE_ERROR", "remove_diacritics must be 0 or 1, not '2'"))
        self.assertEqual(self.refused("vnseg dict"), ("SQLITE_ERROR", "'dict' needs a value"))
        # A path is quoted: the tokenize string in double quotes, the path in single.
        self.assertEqual(self.refused("vnseg dict '/nonexistent.dic'"), (
            "SQLITE_CANTOPEN", "cannot open /nonexistent.dic: No such file or directory"))
        self.assertEqual(self.refused("vnseg user_words '/nonexistent.txt'"), (
            "SQLITE_CANTOPEN", "cannot open /nonexistent.txt: No such file or directory"))
        with tempfile.TemporaryDirectory() as folder:
            self.assertEqual(self.refused(f"vnseg user_words '{folder}'"),
                             ("SQLITE_ERROR", f"{folder}: is a directory, not a file"))
            words = os.path.join(folder, "words.txt")
            with open(words, "w", encoding="utf-8") as f:
                f.write("bàn mèo\tmany\n")
            self.assertEqual(self.refused(f"vnseg user_words '{words}'"), (
                "SQLITE_ERROR", f"{words}:1: the frequency after the tab is not a whole number"))
        # A construction that succeeds clears the reason.
        self.db.execute("CREATE VIRTUAL TABLE good USING fts5(body, "
                        f"""tokenize="vnseg dict '{os.environ['VNSEG_DICT']}'")""")
        self.assertEqual(self.db.execute("SELECT vnseg_last_error()").fetchone(), (None,))

    def test_missing_default_dictionary_lists_the_places(self):
        saved = os.environ["VNSEG_DICT"]
        os.environ["VNSEG_DICT"] = "/nonexistent/none.dic"  # putenv: the extension sees it
        try:
            code, reason = self.refused("vnseg")
        finally:
            os.environ["VNSEG_DICT"] = saved
        self.assertEqual(code, "SQLITE_CANTOPEN")
        self.assertTrue(reason.startswith(
            "no dictionary found; looked in, in order:\n  dict: not given\n"
            "  $VNSEG_DICT: /nonexistent/none.dic: No such file or directory\n"
            "not looked in, as $VNSEG_DICT is set:\n"), reason)
        self.assertIn("  installed, seen from this library: ", reason)
        self.assertTrue(reason.endswith(
            "Choose one with tokenize='vnseg dict PATH' or VNSEG_DICT=FILE."), reason)

    def test_last_error_belongs_to_its_connection_and_covers_reopening(self):
        with tempfile.TemporaryDirectory() as folder:
            dictionary = os.path.join(folder, "copy.dic")
            with open(os.environ["VNSEG_DICT"], "rb") as src, open(dictionary, "wb") as dst:
                dst.write(src.read())
            path = os.path.join(folder, "index.db")
            db = self.connect(path)
            db.execute("CREATE VIRTUAL TABLE t USING fts5(body, "
                       f"""tokenize="vnseg dict '{dictionary}'")""")
            db.execute("INSERT INTO t VALUES ('hoà bình')")
            db.commit()
            db.close()
            os.remove(dictionary)
            # Reopened, the table cannot make its tokenizer: the same reason.
            db = self.connect(path)
            with self.assertRaisesRegex(sqlite3.Error, "error in tokenizer constructor") as caught:
                db.execute("SELECT rowid FROM t WHERE t MATCH 'bình'").fetchall()
            self.assertEqual(caught.exception.sqlite_errorname, "SQLITE_CANTOPEN")
            (reason,) = db.execute("SELECT vnseg_last_error()").fetchone()
            self.assertEqual(reason, f"cannot open {dictionary}: No such file or directory")
            # Another connection has its own (none).
            other = self.connect(":memory:")
            self.assertEqual(other.execute("SELECT vnseg_last_error()").fetchone(), (None,))
            other.close()
            db.close()

    @staticmethod
    def connect(path):
        db = sqlite3.connect(path)
        db.enable_load_extension(True)
        db.load_extension(EXTENSION)
        return db

    @unittest.skipUnless(SQLITE3_CLI, "no sqlite3 shell")
    def test_sqlite3_shell_loads_the_extension(self):
        script = (f".load {EXTENSION}\n"
                  "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='vnseg');\n"
                  "INSERT INTO t VALUES ('Tổng thống Mỹ kêu gọi hoà bình.');\n"
                  "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH '\"hòa bình\"';\n")
        out = subprocess.run([SQLITE3_CLI, ":memory:"], input=script, capture_output=True,
                             text=True, check=True).stdout
        self.assertEqual(out, "Tổng thống Mỹ kêu gọi [hoà bình].\n")

    @unittest.skipUnless(SQLITE3_CLI, "no sqlite3 shell")
    def test_readme_session(self):
        """The sqlite3 session in README.md gives the output shown there."""
        readme = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")
        with open(readme, encoding="utf-8") as f:
            text = f.read()
        start = text.index("```\n$ sqlite3\n") + len("```\n$ sqlite3\n")
        session = text[start:text.index("```", start)].splitlines()
        commands, expected = [], []
        for line in session:
            if line.startswith(("sqlite> ", "   ...> ")):
                commands.append(line[8:])
            else:
                expected.append(line)
        script = "\n".join(commands).replace(".load build/sqlite/vnseg_fts5", f".load {EXTENSION}")
        out = subprocess.run([SQLITE3_CLI, ":memory:"], input=script + "\n", capture_output=True,
                             text=True, check=True).stdout
        self.assertEqual(out.splitlines(), expected)


if __name__ == "__main__":
    if not hasattr(sqlite3.Connection, "enable_load_extension"):
        print(f"skipped: {sys.executable}'s sqlite3 cannot load extensions (use /usr/bin/python3)")
        sys.exit(77)
    unittest.main(argv=sys.argv[:1], verbosity=2)
