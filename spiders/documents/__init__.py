"""Documents from fetched bytes: article text and metadata (HTML, PDF), off the reactor, and again from raw/."""
