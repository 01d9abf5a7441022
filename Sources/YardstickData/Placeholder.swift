// YardstickData
