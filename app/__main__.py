import multiprocessing

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen bundle's import reader process starts here
    raise SystemExit(main())
