"""HR reports that join appraisals, gaps, assignments and courses."""
