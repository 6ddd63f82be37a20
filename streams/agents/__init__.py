"""The faust app and what runs beside it in a worker: extraction processes, the broker watch, metrics."""
