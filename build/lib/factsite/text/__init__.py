"""Text helpers below the model: Markdown, plain text, Chinese script conversion."""
