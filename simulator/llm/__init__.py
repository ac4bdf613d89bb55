"""The model layer: every model call goes through litellm; `local` is an embedded llama.cpp.

Nothing here imports litellm at module load: `simulator.llm.litellm_loader` does,
on first use, with its network and logging noise switched off.
"""
