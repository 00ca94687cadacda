"""One Segmenter shared by many Python threads gives the same results as
sequential calls; batches on several C++ threads equal single calls."""
import threading
from concurrent.futures import ThreadPoolExecutor

import vnseg
from conftest import random_text


def test_shared_segmenter_from_python_threads(segmenter, rng):
    # Long texts (the GIL is released) and short ones (it is not), mixed.
    texts = [random_text(rng, rng.choice([5, 40, 2000])) for _ in range(64)]
    expected = [(segmenter.segment(t), segmenter.tokenize(t)) for t in texts]

    def work(i):
        t = texts[i]
        return segmenter.segment(t), segmenter.tokenize(t)

    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            assert list(pool.map(work, range(len(texts)))) == expected


def test_module_functions_from_threads(rng):
    texts = [random_text(rng, 3000) for _ in range(8)]
    expected = [vnseg.segment(t) for t in texts]
    results = [None] * len(texts)
    start = threading.Barrier(len(texts))

    def work(i):
        start.wait()
        results[i] = vnseg.segment(texts[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_concurrent_batches_on_one_segmenter(segmenter, random_texts):
    expected = [segmenter.segment(t) for t in random_texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(segmenter.segment_many, random_texts, threads=3) for _ in range(4)]
        for f in futures:
            assert f.result() == expected


def test_thread_counts_give_the_same_result(random_texts):
    one = vnseg.segment_many(random_texts, threads=1)
    for n in (2, 4, 17, 1000):
        assert vnseg.segment_many(random_texts, threads=n) == one
    assert vnseg.segment_many(random_texts) == one  # default: one per core
    assert vnseg.segment_many(random_texts, threads=0) == one  # as --threads 0
    assert vnseg.join_many(random_texts, threads=0) == vnseg.join_many(random_texts, threads=1)
