#!/usr/bin/python3
"""Outside reference for `npm run compare`: TF-IDF + logistic regression per tag.

Reads train, dev and test JSONL (id, text, labels) from the folder given as the
first argument, fits on train, picks each tag's threshold on dev (best F1),
and prints {"predictions": [[tag, ...] per test record]} as JSON on stdout.
"""
import json, sys
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_union

TAGS = ["alcohol", "nte", "domestic", "familial", "hate_race", "hate_religion",
        "hate_sexual_orientation", "hate_disability", "hate_transgender", "street_asb"]


def load(name):
    return [json.loads(l) for l in (Path(sys.argv[1]) / f"{name}.jsonl").read_text().splitlines() if l.strip()]


def best_threshold(scores, labels):
    best, best_f1 = 0.5, -1.0
    for t in sorted(set(scores)):
        tp = sum(1 for s, y in zip(scores, labels) if s >= t and y)
        fp = sum(1 for s, y in zip(scores, labels) if s >= t and not y)
        fn = sum(1 for s, y in zip(scores, labels) if s < t and y)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


train, dev, test = load("train"), load("dev"), load("test")
vec = make_union(TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, lowercase=True),
                 TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True))
xtr = vec.fit_transform([r["text"] for r in train])
xdev = vec.transform([r["text"] for r in dev])
xte = vec.transform([r["text"] for r in test])
pred = [[] for _ in test]
for tag in TAGS:
    ytr = [r["labels"][tag] for r in train]
    if len(set(ytr)) < 2:
        continue
    clf = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000, random_state=1).fit(xtr, ytr)
    t = best_threshold(list(clf.predict_proba(xdev)[:, 1]), [r["labels"][tag] for r in dev])
    for i, p in enumerate(clf.predict_proba(xte)[:, 1]):
        if p >= t:
            pred[i].append(tag)
print(json.dumps({"predictions": pred}))
