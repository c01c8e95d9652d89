"""The other voices of appraisal: the public satisfaction survey (SKM) per service point, and, later,
peer (360°) rounds. Weak results open gaps through the competency app's services."""
