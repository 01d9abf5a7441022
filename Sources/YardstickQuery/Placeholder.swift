// YardstickQuery
