print("yardstick")
