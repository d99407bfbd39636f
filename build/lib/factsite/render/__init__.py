"""From the model to HTML pages: what each page shows, and the Jinja templates that print it."""
