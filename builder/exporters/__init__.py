"""Exports of a validated course to formats other tools import: a SCORM 1.2 package and an offline zip
(each a build of the site, packaged) and Moodle GIFT question files (written from the model)."""
