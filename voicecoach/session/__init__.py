"""A practice session: which questions to ask (question banks), and the steps of asking them."""
