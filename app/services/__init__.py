"""Use cases, one module per workflow. Each takes a Session and the acting user
and never commits: the caller's ``Database.write`` owns the transaction."""
