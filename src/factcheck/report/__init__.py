"""Stage 4: findings (and facts) → terminal, Markdown, JSON, SARIF, GitHub annotations."""
