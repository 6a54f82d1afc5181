placeholder: the monitor reads metadata only and never opens data files
