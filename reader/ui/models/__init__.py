"""Qt item models over core results (stories, passages) and the library."""
