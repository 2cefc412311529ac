"""The intent phrase table: everyday messages with what they mean."""
