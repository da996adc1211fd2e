"""The sample documents of data/samples/, built from the seed plans in tools/samples/seeds/ (`make samples`)."""
