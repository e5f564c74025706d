#!/usr/bin/env python3
"""Score facta's PERSON, PLACE and ORG records on annotated NER corpora (factRuEval-2016 dev,
CoNLL-2003 testa) with the corpus scorer: exact-span and per-token F1 per type.

usage: bench/eval_ner.py [--shared ../shared] [--cli build/bin/facta-extract] [--errors N]

The corpora are read where they are (../shared/eval); nothing is copied. Skips a corpus that
is absent. facta types map PERSON→PER, PLACE→LOC, ORG→ORG.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAP = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}


def run(cli, corpus, tmp):
    """Extract with the CLI over the corpus's texts; write predictions in the scorer's shape."""
    inp = tmp / (corpus.stem + ".in.jsonl")
    with open(corpus, encoding="utf-8") as f, open(inp, "w", encoding="utf-8") as o:
        for line in f:
            d = json.loads(line)
            o.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
    out = subprocess.run([str(cli), "--input", "jsonl", "--format", "jsonl", "--quiet",
                          "--types", "PERSON,PLACE,ORG", str(inp)],
                         capture_output=True, text=True, check=True).stdout
    pred = tmp / (corpus.stem + ".pred.jsonl")
    with open(pred, "w", encoding="utf-8") as o:
        for line in out.splitlines():
            d = json.loads(line)
            ents = [{"type": MAP[e["type"]], "start": e["start"], "end": e["end"], "text": e["text"]}
                    for e in d["entities"] if e["type"] in MAP]
            o.write(json.dumps({"id": d["id"], "entities": ents}, ensure_ascii=False) + "\n")
    return pred


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--cli", default=str(ROOT / "build" / "bin" / "facta-extract"))
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    ev = Path(a.shared) / "eval"
    scorer = ev / "ner_score.py"
    if not scorer.exists():
        print(f"skip: {scorer} absent")
        return 0
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for name in ("factru-dev.jsonl", "conll-dev.jsonl"):
            corpus = ev / name
            if not corpus.exists():
                print(f"skip: {corpus} absent")
                continue
            pred = run(a.cli, corpus, tmp)
            for mode in ([], ["--token"]):
                print(f"== {name} {'per-token' if mode else 'exact-span'}")
                extra = ["--errors", str(a.errors)] if a.errors and not mode else []
                sys.stdout.flush()
                subprocess.run([sys.executable, str(scorer), str(corpus), str(pred),
                                "--types", "PER,LOC,ORG", *mode, *extra], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
