// YardstickEngine
