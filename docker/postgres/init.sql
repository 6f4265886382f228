-- One database per service (architecture §2). Runs once, when the data volume is created.
CREATE DATABASE intake;
CREATE DATABASE workflow;
CREATE DATABASE notification;
CREATE DATABASE postal;
