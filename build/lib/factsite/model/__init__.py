"""The site as data: languages, dates, addresses and the frozen records pages are made from."""
