"""`course stats`: an item analysis of the xAPI statements a course's pages sent to a Learning Record Store
(docs/xapi.md is the contract): how hard each question is, how well it separates learners, which options they
choose, and where role-plays end."""
