from moderator_app.launcher import main

raise SystemExit(main())
