"""Command line (stub, being written)."""
def main():
    raise SystemExit("not yet")
