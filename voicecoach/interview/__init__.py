"""Interview realism: the company and role being interviewed for, job-description terms,
follow-up questions, and the preparation check (guidance section 1: know the company and role).
"""
