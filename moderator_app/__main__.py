from moderator_app.launcher import main

if __name__ == "__main__":  # multiprocessing's spawn re-imports this module in its workers
    raise SystemExit(main())
