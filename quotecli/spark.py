"""quotecli on Apache Spark: the same document records, one per input document, across a cluster.

    from quotecli.spark import extract_df
    records = extract_df(spark.read.json("s3a://bucket/news/*.jsonl.gz"), text_col="text", id_col="id")

    python -m quotecli.spark INPUT OUTPUT [--master local[*]] [--text-field text] [--id-field id] [--date-field date]

Needs the ``spark`` extra (``pip install 'quotecli[spark]'``); this module imports without pyspark and
fails only when used. Extraction runs in Python workers, one ``mapPartitions`` call per partition: quotecli
is imported (and its patterns compiled) once per worker process, never per document.

A record is exactly ``quotecli.extract(text, doc_id=id, date=date).to_dict()``, which is what
``quotecli extract -f jsonl`` prints, so the JSON Lines written by ``python -m quotecli.spark`` equal the CLI's
lines byte for byte (``json.dumps(record, ensure_ascii=False)``), except that ``source`` stays null: a
distributed read does not know line numbers. A document that fails, or an input line that is not a JSON object,
becomes an error record (``error`` set) in its place; nothing is dropped silently.

Only absolute imports here: ``spark-submit .../quotecli/spark.py`` runs this file as a script.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

INSTALL_HINT = "quotecli.spark needs pyspark (and Java 17): pip install 'quotecli[spark]'"


def _require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc


# ---------------------------------------------------------------------------------------------- schema

def document_schema() -> StructType:
    """The Spark schema of a document record: models.DocumentResult.to_dict(), field for field, in order.

    Offsets and counts are longs, confidences doubles; ``meta`` (fields passed through from the input, never
    set by extract_df) is carried as JSON text because its values can be of any type.
    """
    _require_pyspark()
    from pyspark.sql.types import (ArrayType, DoubleType, LongType, StringType, StructField, StructType)

    def struct(*fields: tuple[str, Any]) -> StructType:
        return StructType([StructField(name, typ, True) for name, typ in fields])

    s, n = StringType(), LongType()
    span = struct(("text", s), ("start", n), ("end", n))
    mention = struct(("name", s), ("mention", s), ("start", n), ("end", n), ("role", s), ("type", s))
    horizon = struct(("text", s), ("start", n), ("end", n), ("value", s))
    quote = struct(("id", s), ("text", s), ("start", n), ("end", n), ("kind", s), ("group", n),
                   ("speaker", mention), ("cue", span), ("confidence", DoubleType()), ("rule", s))
    claim = struct(("id", s), ("text", s), ("start", n), ("end", n), ("type", s), ("cue", span),
                   ("holder", mention), ("horizon", horizon), ("quote", s), ("confidence", DoubleType()),
                   ("rule", s))
    speaker = struct(("name", s), ("type", s), ("roles", ArrayType(s, True)), ("quotes", n), ("claims", n))
    return struct(("id", s), ("source", s), ("quotes", ArrayType(quote, True)),
                  ("claims", ArrayType(claim, True)), ("speakers", ArrayType(speaker, True)),
                  ("error", s), ("date", s), ("boilerplate", ArrayType(span, True)), ("meta", s))


def _to_row(value: Any, typ: Any) -> Any:
    """A to_dict() value as the plain tuples/lists Spark expects for ``typ`` (floats stay floats)."""
    from pyspark.sql.types import ArrayType, DoubleType, StringType, StructType

    if value is None:
        return None
    if isinstance(typ, StringType) and not isinstance(value, str):  # meta: JSON text
        return json.dumps(value, ensure_ascii=False)
    if isinstance(typ, StructType):
        return tuple(_to_row(value.get(f.name), f.dataType) for f in typ.fields)
    if isinstance(typ, ArrayType):
        return [_to_row(v, typ.elementType) for v in value]
    if isinstance(typ, DoubleType):
        return float(value)
    return value


# ---------------------------------------------------------------------------------------------- workers

def _as_id(value: Any) -> str | None:
    """Ids as the CLI writes them: strings as they are, other JSON values as their JSON text."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (int, float, bool, list, dict)) \
        else str(value)


def _as_date(value: Any) -> _dt.date | str | None:
    """A date that anchors horizons, or None: like the CLI, a value that is not YYYY-MM-DD is ignored."""
    if isinstance(value, _dt.datetime):  # a TimestampType column: the day is what anchors horizons
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _error_record(doc_id: Any, message: str, meta: dict | None = None) -> dict[str, Any]:
    from quotecli.models import DocumentResult

    return DocumentResult(id=_as_id(doc_id), error=message, meta=meta).to_dict()


def _extract_one(text: Any, doc_id: Any, date: Any, meta: dict | None = None) -> dict[str, Any]:
    from quotecli import extract
    from quotecli.readers import sanitize

    if not isinstance(text, str):
        return _error_record(doc_id, "no text: the text field is missing or not a string", meta)
    try:
        result = extract(sanitize(text), doc_id=None if doc_id is None else sanitize(_as_id(doc_id)),
                         date=_as_date(date))
    except Exception as exc:  # one bad document becomes an error record, never a failed job
        return _error_record(doc_id, f"{type(exc).__name__}: {exc}", meta)
    record = result.to_dict()
    record["meta"] = meta
    return record


def _extract_rows(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """mapPartitions body for DataFrame rows (text, id, date): imports quotecli once per worker."""
    import quotecli  # noqa: F401  compile the patterns before the first document

    for text, doc_id, date in rows:
        yield _extract_one(text, doc_id, date)


def _extract_lines(text_field: str, id_field: str, date_field: str | None, keep_fields: bool = False):
    """mapPartitions body for JSON Lines text: decode each line as the CLI does, then extract."""

    def run(lines: Iterable[str]) -> Iterator[str]:
        import quotecli  # noqa: F401

        for line in lines:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError) as exc:
                record = _error_record(None, f"not valid JSON ({getattr(exc, 'msg', exc)})")
            else:
                if not isinstance(obj, dict):
                    record = _error_record(None, f"line is a JSON {type(obj).__name__}, not an object")
                else:
                    meta = ({k: v for k, v in obj.items() if k not in (text_field, id_field, date_field)}
                            if keep_fields else None)
                    record = _extract_one(obj.get(text_field), obj.get(id_field),
                                          obj.get(date_field) if date_field else None, meta)
            yield json.dumps(record, ensure_ascii=False)

    return run


# ---------------------------------------------------------------------------------------------- API

def extract_df(df: DataFrame, text_col: str = "text", id_col: str = "id",
               date_col: str | None = None) -> DataFrame:
    """Extract quotations and claims from every row of ``df``: one document record per row.

    ``id_col`` may be absent from ``df`` (ids are then null); ``date_col`` (a date, or a ``YYYY-MM-DD``
    string) anchors relative horizons as ``extract(date=...)`` does. Returns a DataFrame with
    :func:`document_schema`. Row order follows the input partitions.
    """
    _require_pyspark()
    from pyspark.sql import functions as F

    missing = [c for c in (text_col, date_col) if c and c not in df.columns]
    if missing:
        raise ValueError(f"no column {missing[0]!r} in the DataFrame (columns: {', '.join(df.columns)})")
    cols = [F.col(text_col),
            F.col(id_col) if id_col in df.columns else F.lit(None).cast("string"),
            F.col(date_col) if date_col else F.lit(None).cast("string")]
    schema = document_schema()
    rows = (df.select(*cols).rdd.map(tuple)
            .mapPartitions(_extract_rows)
            .map(lambda record: _to_row(record, schema)))
    return df.sparkSession.createDataFrame(rows, schema=schema, verifySchema=False)


def extract_jsonl(spark: SparkSession, input_path: str | list[str], output_path: str, *,
                  text_field: str = "text", id_field: str = "id", date_field: str | None = "date",
                  keep_fields: bool = False, partitions: int | None = None, compression: str | None = None) -> None:
    """Read JSON Lines from any Spark path (globs, directories, .gz, s3a://, hdfs://) and write part files
    of JSON Lines document records, the CLI's lines exactly."""
    _require_pyspark()
    lines = spark.read.text(input_path).rdd.map(lambda row: row[0])
    if partitions:
        lines = lines.repartition(partitions)
    out = lines.mapPartitions(_extract_lines(text_field, id_field, date_field, keep_fields))
    codec = {"gzip": "org.apache.hadoop.io.compress.GzipCodec",
             "bzip2": "org.apache.hadoop.io.compress.BZip2Codec"}.get(compression or "")
    out.saveAsTextFile(output_path, compressionCodecClass=codec)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m quotecli.spark",
        description="Extract quotations and forward-looking claims from JSON Lines articles with Spark; "
                    "writes JSON Lines part files (one document record per input line) to OUTPUT.")
    p.add_argument("input", nargs="+", metavar="INPUT",
                   help="JSON Lines files, globs or directories on any Spark path (file:, hdfs://, s3a://); "
                        ".gz is read transparently")
    p.add_argument("output", metavar="OUTPUT", help="output directory (must not exist)")
    p.add_argument("--master", default=None,
                   help="Spark master, e.g. local[*], yarn, spark://host:7077 (default: spark-submit's, "
                        "else local[*])")
    p.add_argument("--text-field", default="text", help="field holding the article text (default: text)")
    p.add_argument("--id-field", default="id", help="field holding the document id (default: id)")
    p.add_argument("--date-field", default="date",
                   help="field holding the article date YYYY-MM-DD, anchoring horizons (default: date)")
    p.add_argument("--keep-fields", action="store_true",
                   help="pass the record's other fields through under meta, as the CLI does")
    p.add_argument("--partitions", type=int, default=None,
                   help="repartition the input lines first (a single .gz file is one partition otherwise)")
    p.add_argument("--compress", choices=("gzip", "bzip2"), default=None, help="compress the part files")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _require_pyspark()
    except ImportError as exc:
        print(f"quotecli: error: {exc}", file=sys.stderr)
        return 1
    # Run locally (not under spark-submit), the workers must use this interpreter, which has quotecli; on a
    # cluster, spark.pyspark.python / PYSPARK_PYTHON name the executors' Python.
    if "PYSPARK_GATEWAY_PORT" not in os.environ and (args.master or "local").startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("quotecli")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        missing = [path for path in args.input if not _path_exists(spark, path)]
        if missing:
            print(f"quotecli: error: no such input: {missing[0]}\n  hint: INPUT is JSON Lines on a path Spark can "
                  "read (file, glob, directory, hdfs://, s3a://)", file=sys.stderr)
            return 1
        if _path_exists(spark, args.output):
            print(f"quotecli: error: {args.output} already exists\n  hint: Spark writes a new directory; "
                  "remove it or name another OUTPUT", file=sys.stderr)
            return 1
        extract_jsonl(spark, args.input, args.output, text_field=args.text_field, id_field=args.id_field,
                      date_field=args.date_field, keep_fields=args.keep_fields, partitions=args.partitions,
                      compression=args.compress)
    except Exception as exc:
        from pyspark.errors import AnalysisException

        if not isinstance(exc, AnalysisException):
            raise
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"quotecli: error: {message}\n  hint: INPUT is JSON Lines on a path Spark can read "
              "(file, glob, directory, hdfs://, s3a://)", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    return 0


def _path_exists(spark: SparkSession, path: str) -> bool:
    """Whether a path or glob matches anything, asked of the Hadoop file system that holds it (local, HDFS,
    S3...)."""
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    found = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).globStatus(hpath)
    return found is not None and len(found) > 0


if __name__ == "__main__":
    if __package__ in (None, ""):  # run as a file by spark-submit: don't let quotecli/ shadow top-level names
        sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]
    sys.exit(main())
