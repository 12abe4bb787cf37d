"""claims: turn an article into typed numeric claims."""
